import type { AnalysisFinding, Model, ModelIssue } from '@openc2b/configurator';
import { useI18n } from '../../i18n/i18n-provider.tsx';
import { isMessageKey } from '../../i18n/translate.ts';
import type { CheckReport } from './catalog-api.ts';
import { type IssueRef, type Target, targetOf, targetOfRule } from './report-target.ts';
import { optionLabeller } from './rule-text.ts';

const FINDING_ORDER: ReadonlyArray<AnalysisFinding['kind']> = [
  'no_solution',
  'dead_option',
  'forced_option',
  'unpriced_option',
  'invalid_defaults',
];

function formatBytes(bytes: number, locale: string): string {
  if (bytes < 1024) return `${bytes} B`;
  const kib = bytes / 1024;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(kib)} KiB`;
}

function formatCount(count: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale).format(BigInt(count));
  } catch {
    return count;
  }
}

function JumpTo({
  target,
  onJump,
  children,
}: {
  target: Target | null;
  onJump: ((target: Target) => void) | undefined;
  children: string;
}) {
  return target && onJump ? (
    <button type="button" className="cat-link" onClick={() => onJump(target)}>
      {children}
    </button>
  ) : (
    <span>{children}</span>
  );
}

function RuleLinks({
  rules,
  model,
  onJump,
}: {
  rules: string[];
  model: Model;
  onJump: ((target: Target) => void) | undefined;
}) {
  const { t } = useI18n();
  if (rules.length === 0) return null;
  return (
    <span className="cat-rule-links">
      {t('admin.catalog.report.rulesInvolved')}{' '}
      {rules.map((id) => (
        <JumpTo key={id} target={targetOfRule(model, id)} onJump={onJump}>
          {id}
        </JumpTo>
      ))}
    </span>
  );
}

/** The check or publish report: every issue and finding links to the place in the editor. */
export function ReportView({
  report,
  model,
  refused,
  onJump,
  onClose,
}: {
  report: CheckReport;
  model: Model;
  refused: boolean;
  /** Absent when the report is not about the draft on screen (an import). */
  onJump?: (target: Target) => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const labelOf = optionLabeller(model, locale, t('admin.catalog.none'));

  const whereOf = (ref: IssueRef): string => {
    if (ref.rule) return t('admin.catalog.report.rule', { id: ref.rule });
    if (ref.option) return `${labelOf(ref.option)} (${ref.option})`;
    if (ref.family) return ref.family;
    return ref.path ?? '';
  };

  const issueText = (issue: ModelIssue) => {
    const key = `admin.catalog.issue.${issue.code}`;
    return isMessageKey(key) ? t(key) : issue.message;
  };

  const ok = report.ok && !refused;
  return (
    <section
      className={`card cat-report ${ok ? 'cat-report-ok' : 'cat-report-bad'}`}
      aria-labelledby="cat-report-title"
      data-testid="check-report"
    >
      <div className="cat-option-head">
        <h2 id="cat-report-title">
          {refused
            ? t('admin.catalog.report.refused')
            : report.ok
              ? t('admin.catalog.report.ok')
              : t('admin.catalog.report.notOk')}
        </h2>
        <button type="button" className="button button-ghost cat-push" onClick={onClose}>
          {t('admin.catalog.report.close')}
        </button>
      </div>
      <dl className="cat-stats">
        <div>
          <dt>{t('admin.catalog.report.variants')}</dt>
          <dd data-testid="report-variants">
            {report.variantCount === null ? '—' : formatCount(report.variantCount, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('admin.catalog.report.compiled')}</dt>
          <dd>
            {typeof report.compiledBytes === 'number' ? formatBytes(report.compiledBytes, locale) : '—'}
          </dd>
        </div>
        {typeof report.nodes === 'number' && (
          <div>
            <dt>{t('admin.catalog.report.nodes')}</dt>
            <dd>{new Intl.NumberFormat(locale).format(report.nodes)}</dd>
          </div>
        )}
      </dl>

      {report.issues.length > 0 && (
        <>
          <h3>{t('admin.catalog.report.issues', { count: report.issues.length })}</h3>
          <ul className="cat-findings">
            {report.issues.map((issue, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and may repeat
              <li key={`${issue.path}-${issue.code}-${i}`} className="cat-finding cat-severity-error">
                <JumpTo target={targetOf(model, issue)} onJump={onJump}>
                  {whereOf(issue)}
                </JumpTo>{' '}
                <span>{issueText(issue)}</span> <code className="small">{issue.code}</code>
              </li>
            ))}
          </ul>
        </>
      )}

      {FINDING_ORDER.map((kind) => {
        const findings = report.findings.filter((f) => f.kind === kind);
        if (findings.length === 0) return null;
        return (
          <div key={kind} data-testid={`findings-${kind}`}>
            <h3>{t(`admin.catalog.finding.${kind}`, { count: findings.length })}</h3>
            <ul className="cat-findings">
              {findings.map((finding, i) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id and may repeat
                  key={`${finding.option ?? ''}-${i}`}
                  className={`cat-finding cat-severity-${finding.severity}`}
                >
                  {finding.option && (
                    <>
                      <JumpTo target={targetOf(model, { option: finding.option })} onJump={onJump}>
                        {`${labelOf(finding.option)} (${finding.option})`}
                      </JumpTo>{' '}
                    </>
                  )}
                  {!finding.option && (
                    <span title={finding.message}>{t(`admin.catalog.findingText.${finding.kind}`)} </span>
                  )}
                  <RuleLinks rules={finding.rules} model={model} onJump={onJump} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {ok && report.issues.length === 0 && report.findings.length === 0 && (
        <p className="muted">{t('admin.catalog.report.clean')}</p>
      )}
    </section>
  );
}
