/**
 * A deleted account (docs/decisions/011) stays as a "former member": the row keeps the TAGs'
 * record (seats held, counted contributions) without name, login or GitHub identity. Its login
 * has a space, so it is never a GitHub login and no lookup by login finds it.
 */
export const FORMER_MEMBER = { login: "former member", name: "Former member" } as const;

export const isFormerMember = (user: { login: string }) => user.login === FORMER_MEMBER.login;
