import type { MapGeoJSONFeature } from 'maplibre-gl';
import { categoryName, type Category } from '../categories.ts';
import i18next, { currentLanguage } from '../i18n/setup.ts';
import { formatDate } from '../i18n/format.ts';
import { categoryIconSvg } from './category-icons.ts';
import { isPlainClick, navigate } from '../navigation.tsx';

/** What a report point's popup says: category, status, date and a link to the report page. */
export function reportPopupContent(feature: MapGeoJSONFeature, categories: Category[]): HTMLElement {
  const { code, category: categoryCode, status, created_at: createdAt } = feature.properties as Record<string, string>;
  const language = currentLanguage();
  const category = categories.find((c) => c.code === categoryCode);

  const root = document.createElement('div');
  root.className = 'report-popup';

  const title = document.createElement('strong');
  title.textContent = category ? categoryName(category, language) : categoryCode;
  if (category) title.insertAdjacentHTML('afterbegin', categoryIconSvg(category.code, category.color, 18));
  root.append(title);

  const facts = document.createElement('p');
  facts.textContent = `${i18next.t(`common:status.${status}`)} · ${formatDate(createdAt, language)}`;
  root.append(facts);

  const link = document.createElement('a');
  link.href = `/r/${encodeURIComponent(code)}`;
  link.textContent = i18next.t('public:map.popup.viewReport');
  link.addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(link.pathname);
  });
  root.append(link);
  return root;
}
