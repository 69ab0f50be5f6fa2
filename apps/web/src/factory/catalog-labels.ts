// Names for the codes the plant works with (model lines, colours, options), from the published
// catalogue in the reader's language; a code the catalogue does not know reads as itself.
import { useEffect, useMemo, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import type { ResponseOf } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-provider.tsx';
import { type Locale, type LocalizedText, pickLocalized } from '../i18n/locales.ts';

type LineDetail = ResponseOf<'/store/model-lines/{code}', 'get'>;
type ModelPart = {
  families: {
    code: string;
    label?: LocalizedText;
    options: { code: string; label?: LocalizedText; swatch?: string }[];
  }[];
};
export type CatalogLine = { code: string; name: LocalizedText; model: ModelPart };

export type CatalogLabels = {
  modelLine: (code: string) => string;
  family: (code: string) => string;
  option: (code: string) => string;
  /** A CSS colour for a paint option, when the catalogue has one. */
  swatch: (code: string) => string | undefined;
};

/** `none(family label)` names a family's implicit "none" option (`<family>:none`). */
export function catalogLabels(
  lines: readonly CatalogLine[],
  locale: Locale,
  none: (family: string) => string = (family) => `${family}: —`,
): CatalogLabels {
  const lineNames = new Map(lines.map((l) => [l.code, pickLocalized(l.name, locale)]));
  const families = new Map<string, string>();
  const options = new Map<string, { label: string; swatch: string | undefined }>();
  for (const line of lines) {
    for (const family of line.model.families) {
      families.set(family.code, pickLocalized(family.label, locale) ?? family.code);
      for (const option of family.options) {
        if (options.has(option.code)) continue;
        options.set(option.code, {
          label: pickLocalized(option.label, locale) ?? option.code,
          swatch: option.swatch,
        });
      }
    }
  }
  const noneOf = (code: string) => {
    const family = code.endsWith(':none') ? code.slice(0, -':none'.length) : undefined;
    return family !== undefined && families.has(family) ? none(families.get(family) ?? family) : undefined;
  };
  return {
    modelLine: (code) => lineNames.get(code) ?? code,
    family: (code) => families.get(code) ?? code,
    option: (code) => options.get(code)?.label ?? noneOf(code) ?? code,
    swatch: (code) => options.get(code)?.swatch,
  };
}

const cache = new Map<string, Promise<CatalogLine | null>>();

function loadLine(code: string): Promise<CatalogLine | null> {
  const cached = cache.get(code);
  if (cached) return cached;
  const found = unwrap(api.GET('/store/model-lines/{code}', { params: { path: { code } } })).then(
    (d: LineDetail): CatalogLine => ({
      code,
      name: d.line.name ?? { 'zh-CN': code, en: code },
      model: d.model as unknown as ModelPart,
    }),
    // Labels are a help, not a must: without them the page shows the codes.
    () => {
      cache.delete(code);
      return null;
    },
  );
  cache.set(code, found);
  return found;
}

/** Labels for the model lines a page shows; codes until the catalogue has answered. */
export function useCatalogLabels(modelLines: readonly string[], locale: Locale): CatalogLabels {
  const { t } = useI18n();
  const key = [...new Set(modelLines)].sort().join(',');
  const [lines, setLines] = useState<CatalogLine[]>([]);
  useEffect(() => {
    let current = true;
    const codes = key ? key.split(',') : [];
    Promise.all(codes.map(loadLine)).then((found) => {
      if (current) setLines(found.filter((l): l is CatalogLine => l !== null));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return useMemo(
    () => catalogLabels(lines, locale, (family) => t('factory.option.none', { family })),
    [lines, locale, t],
  );
}
