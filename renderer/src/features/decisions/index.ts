/** "Giải trình và kết quả cuối cùng" (Sở Nội vụ): import giải trình, decide, close the round, export final results. */
export { DecisionsPage } from './DecisionsPage';
export { DecisionDetailPage } from './DecisionDetailPage';
