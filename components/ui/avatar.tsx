/** A person's GitHub avatar, or their initials when there is none. */
export function Avatar({ login, src, size = 32 }: { login: string; src: string | null; size?: number }) {
  if (!src) {
    return (
      <span
        aria-hidden="true"
        style={{ width: size, height: size }}
        className="inline-flex items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800"
      >
        {login.slice(0, 2).toUpperCase()}
      </span>
    );
  }
  return (
    // Avatars come from GitHub or the demo's stand-in, whose host is configuration; next/image's
    // optimizer would need every such host listed, for images of a few kilobytes.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt={`Avatar of @${login}`}
      width={size}
      height={size}
      className="rounded-full"
      data-testid="avatar"
    />
  );
}
