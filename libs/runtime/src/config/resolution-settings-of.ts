import { ResolutionSettings, resolutionSettings } from '@keyledger/resolution';
import { AppConfig } from './app-config';

/** Resolution's settings from the service's configuration (the API and the CLI alike). */
export const resolutionSettingsOf = (config: AppConfig): ResolutionSettings =>
  resolutionSettings({
    secretPrefix: config.keyPrefix,
    pepper: config.keyHashPepper,
    flushIntervalMs: config.resolution.flushIntervalMs,
    reservationCredits: config.resolution.reservationCredits,
    plans: config.resolution.plans,
  });
