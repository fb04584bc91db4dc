/** The TOC's repository and its roster file: the source of every TAG's leadership (lib/tags-yaml). */
export const TOC_REPOSITORY = "cncf/toc";
export const TOC_TAGS_FILE = "tags.yaml";
