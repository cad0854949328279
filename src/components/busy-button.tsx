/** A button whose action is running: greyed (btn--disabled) and, unless told otherwise, spinning. */
import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';

export function BusyButton({
  className,
  busy,
  spinner = true,
  lock = false,
  disabled,
  onClick,
  children,
}: {
  /** The classes after `btn` (kind, size, the test hook). */
  className: string;
  busy: boolean;
  /** Show Taro's loading spinner while busy (default). */
  spinner?: boolean;
  /** Disabled while busy (no tap reaches it), not only greyed. */
  lock?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      className={`btn ${className}${busy ? ' btn--disabled' : ''}`}
      loading={(spinner && busy) || undefined}
      disabled={disabled || (lock && busy) || undefined}
      onClick={onClick}
    >
      {children}
    </Button>
  );
}
