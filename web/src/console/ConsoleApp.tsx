import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { AppLink, usePathname } from '../navigation.tsx';
import { ApiKeysPage } from './api-keys/ApiKeysPage.tsx';
import { InboxPage } from './inbox/InboxPage.tsx';
import { IntakePage } from './intake/IntakePage.tsx';
import { ReceiptPage } from './intake/ReceiptPage.tsx';
import { ModerationPage } from './moderation/ModerationPage.tsx';
import { pageAt } from './paths.ts';
import { PlannerHome } from './PlannerHome.tsx';
import { ReportDeskPage } from './report/ReportDeskPage.tsx';
import { RoutingRulesPage } from './routing/RoutingRulesPage.tsx';
import { ServicePage } from './service/ServicePage.tsx';
import { SupervisorsPage } from './supervisors/SupervisorsPage.tsx';
import { useSession, useSignOut, type Staff } from './session.ts';
import { SignIn } from './SignIn.tsx';

const moderators = ['admin', 'moderator'];

function Page({ staff }: { staff: Staff }) {
  const { t } = useTranslation('console');
  const where = pageAt(usePathname());
  // the desk's pages all answer a planner 403: planners work from the analytics
  if (staff.role === 'planner') return <PlannerHome />;
  switch (where.page) {
    case 'inbox': return <InboxPage staff={staff} />;
    case 'report': return <ReportDeskPage key={where.code} code={where.code} staff={staff} />;
    case 'moderation': return <ModerationPage />;
    case 'intake': return <IntakePage />;
    case 'receipt': return <ReceiptPage code={where.code} />;
    case 'api-keys': return <ApiKeysPage />;
    case 'routing': return <RoutingRulesPage staff={staff} />;
    case 'supervisors': return <SupervisorsPage />;
    case 'service': return <ServicePage />;
    default: return <p>{t('detail.notFound')}</p>;
  }
}

/** The staff console: sign-in, then the desk's pages under one header. */
export function ConsoleApp() {
  const { t } = useTranslation('console');
  const session = useSession();
  const signOut = useSignOut();
  const path = usePathname();
  const current = (href: string) => (path === href ? 'page' : undefined);

  return (
    <div className="console">
      <a className="skip-link" href="#console-main">{t('skip')}</a>
      <header className="console-header">
        <span className="console-brand">{t('title')}</span>
        {session.state === 'signed-in' && (
          <nav aria-label={t('nav.label')}>
            {session.staff.role === 'planner' ? <a href="/analytics">{t('nav.analytics')}</a> : <>
            <AppLink href="/console" aria-current={current('/console')}>{t('nav.inbox')}</AppLink>
            {moderators.includes(session.staff.role) && (
              <AppLink href="/console/moderation" aria-current={current('/console/moderation')}>{t('nav.moderation')}</AppLink>
            )}
            <AppLink href="/console/intake" aria-current={current('/console/intake')}>{t('nav.intake')}</AppLink>
            <AppLink href="/console/service" aria-current={current('/console/service')}>{t('nav.service')}</AppLink>
            {session.staff.role === 'admin' && <>
              <AppLink href="/console/routing" aria-current={current('/console/routing')}>{t('nav.routing')}</AppLink>
              <AppLink href="/console/supervisors" aria-current={current('/console/supervisors')}>{t('nav.supervisors')}</AppLink>
              <AppLink href="/console/api-keys" aria-current={current('/console/api-keys')}>{t('nav.apiKeys')}</AppLink>
            </>}
            </>}
          </nav>
        )}
        <div className="console-header-end">
          {session.state === 'signed-in' && (
            <>
              <span className="console-who">{session.staff.name} · {t(`role.${session.staff.role}`)}</span>
              <button type="button" className="on-brand" onClick={() => signOut.mutate()}>{t('nav.signOut')}</button>
            </>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main id="console-main" className="console-main">
        {session.state === 'checking' && <p>{t('loading')}</p>}
        {session.state === 'signed-out' && <SignIn />}
        {session.state === 'signed-in' && <Page staff={session.staff} />}
      </main>
    </div>
  );
}
