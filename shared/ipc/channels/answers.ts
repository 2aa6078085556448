import { z } from 'zod';

import { defineChannel } from '../define';
import { scoreTotalsSchema } from '../../domain/scoring/schema';
import { answerSchema } from '../../schemas/answers';
import { idSchema } from '../../schemas/common';
import { nodeIdSchema } from '../../schemas/indicator-set';

/** What the UI sends when saving: evidence links are managed by the evidence channels, not here. */
export const answerSaveInputSchema = answerSchema.omit({ evidenceIds: true });

const answerSaveSchema = z.object({ assessmentId: idSchema, nodeId: nodeIdSchema, answer: answerSaveInputSchema }).strict();
export type AnswerSaveInput = z.infer<typeof answerSaveSchema>;

export const answersChannels = {
  'answers.list': defineChannel({
    description: 'Các câu trả lời (số liệu kê khai, không áp dụng, giải trình) của một bản tự đánh giá',
    input: z.object({ assessmentId: idSchema }).strict(),
    output: z.array(answerSchema),
  }),
  'answers.save': defineChannel({
    // No score in the reply: the renderer scores its own answers live; scoring.compute gives the server's.
    description: 'Lưu câu trả lời của một tiêu chí; trả về câu trả lời như đã lưu',
    input: answerSaveSchema,
    output: z.object({ answer: answerSchema }),
  }),
  'answers.undo': defineChannel({
    description: 'Hoàn tác thay đổi gần nhất của bản tự đánh giá',
    input: z.object({ assessmentId: idSchema }).strict(),
    output: z.object({
      undone: z.boolean(),
      nodeId: z.string().nullable(),
      answer: answerSchema.nullable(),
      totals: scoreTotalsSchema,
    }),
  }),
};
