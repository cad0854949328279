/** What both twins of text-field share. */
export interface TextFieldProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** name / phone bring the right keyboard and autofill; search shows a search key. */
  kind?: 'text' | 'name' | 'phone' | 'search';
  maxLength?: number;
  className?: string;
  id?: string;
  onConfirm?: () => void;
}
