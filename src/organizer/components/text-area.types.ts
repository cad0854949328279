/** What both twins of text-area share. */
export interface TextAreaProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  maxLength?: number;
  id?: string;
  className?: string;
}
