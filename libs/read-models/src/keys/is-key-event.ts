import { KeyEvent } from '@keyledger/domain';
import { eventGuard } from '../projection/event-guard';

/** Whether a stored event is one of the key events this version knows. */
export const isKeyEvent = eventGuard<KeyEvent>({
  KeyCreated: true,
  KeyRenamed: true,
  KeyDisabled: true,
  KeyEnabled: true,
  KeyLimitSet: true,
  KeyLimitReset: true,
  KeyExpirySet: true,
  PreferenceBound: true,
  PreferenceUnbound: true,
  KeyRoutingRulesSet: true,
  KeyRoutingRulesCleared: true,
  KeySecretRotated: true,
  KeyIpAllowlistSet: true,
  KeyRateLimitsSet: true,
  KeyAlertThresholdsSet: true,
  KeyMetadataSet: true,
  KeyExternalIdSet: true,
  KeyImported: true,
  KeyLeakReported: true,
  KeyRevoked: true,
});
