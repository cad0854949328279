import type { PropsWithChildren } from 'react';
import { installAccessibility } from './platform/a11y';
import './theme/theme.css';
import './app.css';
import './styles/components.css';
import './styles/forms.css';

installAccessibility();

/** The app shell: Taro renders the current page as `children`. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
