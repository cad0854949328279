/** What both twins of share share. */
export interface ShareButtonProps {
  /** The page to share, e.g. `pages/event/index?id=…`. */
  path: string;
  /** The button's text. */
  label: string;
  className?: string;
}
