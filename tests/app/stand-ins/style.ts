/** Style imports (`import './index.css'`) resolve here under jest: nothing to apply in jsdom. */
export default {};
