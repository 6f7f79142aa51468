import { z } from 'zod';

export const versionSchema = z.looseObject({
  number: z.number().int(),
  authorId: z.string().nullish(),
  createdAt: z.string(),
  message: z.string().nullish(),
  minorEdit: z.boolean().optional(),
});
export type ConfluenceVersion = z.infer<typeof versionSchema>;

/** v2 PageBulk / BlogPostBulk: `authorId` is the creator. */
export const contentSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  title: z.string().default(''),
  spaceId: z.string(),
  authorId: z.string().nullish(),
  createdAt: z.string(),
  version: versionSchema.optional(),
});
export type ConfluenceContent = z.infer<typeof contentSchema>;

export const commentSchema = z.looseObject({
  id: z.string(),
  status: z.string().optional(),
  pageId: z.string().optional(),
  blogPostId: z.string().optional(),
  parentCommentId: z.string().nullish(),
  version: versionSchema,
});
export type ConfluenceComment = z.infer<typeof commentSchema>;

export const spaceSchema = z.looseObject({ id: z.string(), key: z.string(), name: z.string().default('') });
export type ConfluenceSpace = z.infer<typeof spaceSchema>;

export type ContentType = 'page' | 'blogpost';
export const V2 = '/wiki/api/v2';
