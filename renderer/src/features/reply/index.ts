/** "Kết quả thẩm định": appraisal result, giải trình and final result on the unit's side. */
export { ReplyPage } from './ReplyPage';
