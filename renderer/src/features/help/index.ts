/** The Help page ('/help'): no namespace of its own — the steps, the glossary and the pointer to docs/user-guide.md. */
export { HelpPage } from './HelpPage';
export { helpMessages } from './messages';
