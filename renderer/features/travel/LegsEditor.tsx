// The itinerary: one row per leg (from, to, date, transport, class). Classes are offered per
// mode; those the traveller's rank may not use stay visible but disabled, with the reason, so
// nobody has to guess why business class is missing.
import { useTranslation } from 'react-i18next';
import { AutoComplete, Button, DatePicker, Form, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { TRANSPORT_MODES, type TransportMode } from '../../../shared/domain/travelStandards';
import type { StandardsData } from '../../../shared/travel/standards';
import { reasonMessage } from '../../i18n/reasons';
import { classChoices, legBreakAt, type LegDraft } from './tripDraft';

export const MAX_LEGS = 20;

/** Case-insensitive "contains" match for the city suggestions. */
function filterCity(input: string, option?: { value: string }): boolean {
  return option !== undefined && option.value.toLowerCase().includes(input.trim().toLowerCase());
}

interface LegsEditorProps {
  standards: StandardsData | null;
  rank: number;
  /** Each leg's chosen mode, for its class choices. */
  modes: (TransportMode | undefined)[];
  /** Initial values of a new leg (it continues from where the last one arrived). */
  nextLeg: () => Record<string, unknown>;
}

export function LegsEditor({ standards, rank, modes, nextLeg }: LegsEditorProps) {
  const { t } = useTranslation();
  const cities = standards ? [...new Set(standards.regions.flatMap((r) => r.cities))].map((c) => ({ value: c })) : [];
  return (
    <Form.List name="legs">
      {(fields, { add, remove }) => (
        <div data-testid="trip-legs">
          {fields.map((field, i) => {
            const mode = modes[i] ?? 'train';
            return (
              <div key={field.key} data-testid="trip-leg" style={{ marginBottom: 8 }}>
                <Typography.Text type="secondary">{t('travel.leg.title', { n: i + 1 })}</Typography.Text>
                <Space wrap align="start" size={8}>
                  <Form.Item
                    name={[field.name, 'fromCity']}
                    // A changed arrival of the leg before re-checks this departure.
                    dependencies={i > 0 ? [['legs', fields[i - 1]?.name ?? i - 1, 'toCity']] : []}
                    rules={[
                      { required: true, whitespace: true, message: t('travel.leg.required') },
                      ({ getFieldValue }) => ({
                        validator: async () => {
                          const broken = legBreakAt((getFieldValue('legs') as Pick<LegDraft, 'fromCity' | 'toCity'>[] | undefined) ?? [], i);
                          if (broken) throw new Error(reasonMessage(t, 'travel.legs_not_continuous', { ...broken }));
                        },
                      }),
                    ]}
                    style={{ marginBottom: 0 }}
                  >
                    <AutoComplete options={cities} filterOption={filterCity} placeholder={t('travel.leg.from')} style={{ width: 140 }} data-testid={`trip-leg-from-${i}`} aria-label={t('travel.leg.from')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'toCity']} rules={[{ required: true, whitespace: true, message: t('travel.leg.required') }]} style={{ marginBottom: 0 }}>
                    <AutoComplete options={cities} filterOption={filterCity} placeholder={t('travel.leg.to')} style={{ width: 140 }} data-testid={`trip-leg-to-${i}`} aria-label={t('travel.leg.to')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: t('travel.leg.required') }]} style={{ marginBottom: 0 }}>
                    <DatePicker format="YYYY-MM-DD" placeholder={t('travel.leg.date')} style={{ width: 150 }} data-testid={`trip-leg-date-${i}`} aria-label={t('travel.leg.date')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'mode']} rules={[{ required: true, message: t('travel.leg.required') }]} style={{ marginBottom: 0 }}>
                    <Select<TransportMode>
                      style={{ width: 100 }}
                      virtual={false}
                      aria-label={t('travel.leg.mode')}
                      data-testid={`trip-leg-mode-${i}`}
                      options={TRANSPORT_MODES.map((m) => ({ value: m, label: t(`travel.mode.${m}`), 'data-testid': `trip-leg-mode-option-${m}` }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'travelClass']} rules={[{ required: true, message: t('travel.leg.required') }]} style={{ marginBottom: 0 }}>
                    <Select
                      style={{ width: 180 }}
                      virtual={false}
                      aria-label={t('travel.leg.class')}
                      data-testid={`trip-leg-class-${i}`}
                      popupMatchSelectWidth={false}
                      options={classChoices(standards, rank, mode).map((c) => ({
                        value: c.travelClass,
                        disabled: !c.allowed,
                        title: c.allowed ? undefined : t('travel.leg.classNotAllowed'),
                        'data-testid': `trip-leg-class-option-${c.travelClass}`,
                        label: c.allowed ? (
                          t(`travel.class.${c.travelClass}`)
                        ) : (
                          <span>
                            {t(`travel.class.${c.travelClass}`)}
                            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                              {t('travel.leg.classNotAllowed')}
                            </Typography.Text>
                          </span>
                        ),
                      }))}
                    />
                  </Form.Item>
                  {fields.length > 1 && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('travel.leg.remove')} data-testid={`trip-leg-remove-${i}`} />}
                </Space>
              </div>
            );
          })}
          {fields.length < MAX_LEGS && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(nextLeg())} data-testid="trip-add-leg">
              {t('travel.leg.add')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
