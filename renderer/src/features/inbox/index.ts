/** Sở Nội vụ's inbox: received bundles, ranking by block ('/inbox') and the appraisal page ('/inbox/:importId'). */
export { InboxPage } from './InboxPage';
export { InboxDetailPage } from './InboxDetailPage';
