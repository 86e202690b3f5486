// Embed addresses end in a slash, as published: /embed/indicators/{indicator_id}/
export const trailingSlash = 'always';
