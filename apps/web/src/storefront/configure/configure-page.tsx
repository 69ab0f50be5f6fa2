import { decodeConfiguration } from '@openc2b/configurator';
import { useParams, useSearchParams } from 'react-router';
import { useBrandName } from '../../app/brand.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { useApi } from '../../ui/use-api.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { getCompiled, getConfiguration, getModelLine } from './catalog-api.ts';
import { Configurator } from './configurator.tsx';
import { PopularList } from './popular-list.tsx';

/** /configure/:line (optionally ?code=): starts from the model's defaults or the given code. */
export function ConfigurePage() {
  const { t, locale } = useI18n();
  const { line = '' } = useParams();
  const [search] = useSearchParams();
  const code = search.get('code') ?? undefined;
  const loaded = useApi(async () => {
    const detail = await getModelLine(line);
    const compiled = await getCompiled(line, detail.version.id);
    return { detail, compiled };
  }, [line]);
  const title = loaded.status === 'ok' ? pickLocalized(loaded.data.detail.line.name, locale) : t('cfg.title');
  useDocumentTitle(title, useBrandName());
  return (
    <AsyncView value={loaded} onRetry={loaded.reload}>
      {({ detail, compiled }) => {
        const decoded = code ? decodeConfiguration(compiled, code) : undefined;
        const initial = decoded?.ok ? decoded.selection : (detail.model.defaults ?? {});
        return (
          <>
            <Configurator
              key={`${detail.version.id}/${code ?? ''}`}
              detail={detail}
              compiled={compiled}
              versionId={detail.version.id}
              initialSelection={initial}
              {...(decoded && !decoded.ok ? { notice: t('cfg.code.invalid') } : {})}
            />
            <PopularList line={line} model={detail.model} />
          </>
        );
      }}
    </AsyncView>
  );
}

/** /c/:code: a saved car, exactly as it was saved (on the version it was saved with). */
export function SharedConfigurationPage() {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const loaded = useApi(async () => {
    const saved = await getConfiguration(code);
    const [detail, compiled] = await Promise.all([
      getModelLine(saved.modelLine),
      getCompiled(saved.modelLine, saved.versionId),
    ]);
    return { saved, detail, compiled };
  }, [code]);
  const title = loaded.status === 'ok' ? pickLocalized(loaded.data.detail.line.name, locale) : t('cfg.title');
  useDocumentTitle(title, useBrandName());
  return (
    <AsyncView value={loaded} onRetry={loaded.reload}>
      {({ saved, detail, compiled }) => {
        const decoded = decodeConfiguration(compiled, saved.code);
        return (
          <Configurator
            key={saved.code}
            detail={detail}
            compiled={compiled}
            versionId={saved.versionId}
            initialSelection={decoded.ok ? decoded.selection : saved.selection}
            savedCode={saved.code}
          />
        );
      }}
    </AsyncView>
  );
}
