import { decodeConfiguration } from '@openc2b/configurator';
import { useParams, useSearchParams } from 'react-router';
import { useBrandName } from '../../app/brand.tsx';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { pickLocalized } from '../../i18n/locales.ts';
import { AsyncView } from '../../ui/async-view.tsx';
import { useApi } from '../../ui/use-api.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { getMyOrder } from '../orders/orders-api.ts';
import { getCompiled, getConfiguration, getModelLine } from './catalog-api.ts';
import { Configurator } from './configurator.tsx';
import { PopularList } from './popular-list.tsx';

/**
 * /configure/:line (optionally ?code=): starts from the model's defaults or the given code.
 * With ?order=<id> it changes that order's configuration (the order page links here).
 */
export function ConfigurePage() {
  const { t, locale } = useI18n();
  const { line = '' } = useParams();
  const [search] = useSearchParams();
  const code = search.get('code') ?? undefined;
  const orderId = search.get('order') ?? undefined;
  const loaded = useApi(async () => {
    const [detail, order] = await Promise.all([
      getModelLine(line),
      orderId ? getMyOrder(orderId) : undefined,
    ]);
    const compiled = await getCompiled(line, detail.version.id);
    const forOrder = order && { id: order.id, vehicleId: order.vehicleId, code: order.configuration.code };
    return { detail, compiled, forOrder };
  }, [line, orderId]);
  const title = loaded.status === 'ok' ? pickLocalized(loaded.data.detail.line.name, locale) : t('cfg.title');
  useDocumentTitle(title, useBrandName());
  return (
    <AsyncView value={loaded} onRetry={loaded.reload}>
      {({ detail, compiled, forOrder }) => {
        const decoded = code ? decodeConfiguration(compiled, code) : undefined;
        const initial = decoded?.ok ? decoded.selection : (detail.model.defaults ?? {});
        return (
          <>
            <Configurator
              key={`${detail.version.id}/${code ?? ''}/${forOrder?.id ?? ''}`}
              detail={detail}
              compiled={compiled}
              versionId={detail.version.id}
              initialSelection={initial}
              {...(decoded && !decoded.ok ? { notice: t('cfg.code.invalid') } : {})}
              {...(forOrder ? { forOrder } : {})}
            />
            {!forOrder && <PopularList line={line} model={detail.model} />}
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
