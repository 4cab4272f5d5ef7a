// The licence of the project's own text (definitions, summaries, bodies, labels, the help texts we
// wrote), shown with every content answer and embed. It covers our text only: the third-party
// articles and works cited in `sources` keep their own authors' terms.
export const CONTENT_LICENSE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

export const PROJECT_NAME = 'Emotional Connection Content API';

/**
 * The line a partner shows with the content (CC BY asks for the creator, the licence and a link
 * to it). The partner links it to where the content came from and says so if they changed it.
 */
export const ATTRIBUTION = `Content from the ${PROJECT_NAME}, licensed under ${CONTENT_LICENSE.name} (${CONTENT_LICENSE.url}).`;
