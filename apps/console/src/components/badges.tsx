import { Key } from '@keyledger/client';
import { keyBadges } from '../keys/key-badges';

/** A key's state badges. */
export function KeyStateBadges({ keyView }: { readonly keyView: Key }) {
  return (
    <span className="badges">
      {keyBadges(keyView, new Date()).map((badge) => (
        <span key={badge.label} className={`badge badge-${badge.tone}`}>
          {badge.label}
        </span>
      ))}
    </span>
  );
}
