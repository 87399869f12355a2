// Publishing a form, or a new version of one: its description (title, category — an existing
// one or a new one typed in —, issuing department, what it is for), the version as printed on
// it, from when it is in force, what changed, and the file. The file is kept on this device and
// uploaded by the sync engine before the publication, so this works offline too.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, AutoComplete, Button, DatePicker, Drawer, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { agencyDate } from '../../../shared/calendar/dates';
import type { FormTemplate } from '../../../shared/domain/forms';
import { catalogFacets, normalizeForSearch, sortedVersions } from '../../../shared/forms/catalog';
import { randomId, useStore } from '../../db';
import { preventEnterSubmit } from '../../components/noEnterSubmit';
import { useSave } from '../admin/useSave';
import { FormFilePicker } from './FormFilePicker';
import { discardFormFile, storeFormFile } from './formFile';

export type PublishTarget = { kind: 'new' } | { kind: 'version'; template: FormTemplate };

interface Values {
  title: string;
  category: string;
  issuingDepartment: string;
  description: string;
  version: string;
  effectiveOn: Dayjs | null;
  note: string;
  file: File | null;
}

const ISO = 'YYYY-MM-DD';

export function PublishFormDrawer({ target, templates, onClose }: { target: PublishTarget | null; templates: readonly FormTemplate[]; onClose: () => void }) {
  const { t } = useTranslation();
  const template = target?.kind === 'version' ? target.template : null;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={template ? t('forms.publish.newVersionTitle', { title: template.title }) : t('forms.publish.newTitle')}
      width={640}
      // A half-filled form is not thrown away by Esc or a stray click.
      keyboard={false}
      maskClosable={false}
      destroyOnHidden
      data-testid="form-publish-drawer"
    >
      {target && <PublishForm key={template?.id ?? 'new'} template={template} templates={templates} onDone={onClose} />}
    </Drawer>
  );
}

function PublishForm({ template, templates, onDone }: { template: FormTemplate | null; templates: readonly FormTemplate[]; onDone: () => void }) {
  const { t } = useTranslation();
  const store = useStore();
  const save = useSave();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const facets = catalogFacets(templates);
  const latest = template ? sortedVersions(template)[0] : undefined;

  const initial: Values = {
    title: template?.title ?? '',
    category: template?.category ?? '',
    issuingDepartment: template?.issuingDepartment ?? '',
    description: template?.description ?? '',
    version: '',
    effectiveOn: dayjs(agencyDate(new Date().toISOString()), ISO),
    note: '',
    file: null,
  };

  async function submit(values: Values): Promise<void> {
    if (!values.file || !values.effectiveOn) return;
    setBusy(true);
    setError(null);
    try {
      const stored = await storeFormFile(store, values.file);
      if (!stored.ok) {
        setError(t(`forms.file.refused.${stored.why}`, { name: values.file.name }));
        return;
      }
      const args = {
        id: template?.id ?? randomId(),
        title: values.title.trim(),
        category: values.category.trim(),
        issuingDepartment: values.issuingDepartment.trim(),
        description: values.description.trim(),
        version: values.version.trim(),
        effectiveOn: values.effectiveOn.format(ISO),
        note: values.note.trim(),
        file: stored.file,
      };
      const failed = await save([{ name: 'form.publish', args }], t('forms.publish.done', { title: args.title, version: args.version }));
      if (failed) {
        await discardFormFile(store, stored.file.sha256);
        setError(failed);
      } else onDone();
    } catch {
      setError(t('forms.file.readFailed'));
    } finally {
      setBusy(false);
    }
  }

  const required = (message: string) => ({ required: true, whitespace: true, message });

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} onValuesChange={() => setError(null)} onKeyDown={preventEnterSubmit} disabled={busy} data-testid="form-publish-form">
      <Form.Item name="title" label={t('forms.field.title')} rules={[required(t('forms.field.titleRequired'))]}>
        <Input maxLength={200} placeholder={t('forms.field.titlePlaceholder')} data-testid="form-field-title" />
      </Form.Item>
      <Space size={16} style={{ display: 'flex' }} align="start">
        <Form.Item name="category" label={t('forms.field.category')} rules={[required(t('forms.field.categoryRequired'))]} extra={t('forms.field.categoryHint')} style={{ width: 280 }}>
          <AutoComplete options={facets.categories.map((c) => ({ value: c }))} filterOption={(input, option) => normalizeForSearch(option?.value ?? '').includes(normalizeForSearch(input))} maxLength={60} data-testid="form-field-category" />
        </Form.Item>
        <Form.Item name="issuingDepartment" label={t('forms.field.department')} rules={[required(t('forms.field.departmentRequired'))]} style={{ width: 280 }}>
          <AutoComplete options={facets.departments.map((d) => ({ value: d }))} filterOption={(input, option) => normalizeForSearch(option?.value ?? '').includes(normalizeForSearch(input))} maxLength={100} data-testid="form-field-department" />
        </Form.Item>
      </Space>
      <Form.Item name="description" label={t('forms.field.description')}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('forms.field.descriptionPlaceholder')} data-testid="form-field-description" />
      </Form.Item>
      <Space size={16} style={{ display: 'flex' }} align="start">
        <Form.Item
          name="version"
          label={t('forms.field.version')}
          extra={latest ? t('forms.field.versionLatest', { version: latest.version }) : t('forms.field.versionHint')}
          style={{ width: 280 }}
          rules={[
            required(t('forms.field.versionRequired')),
            {
              validator: async (_: unknown, value: string | undefined) => {
                const wanted = normalizeForSearch(value ?? '');
                if (wanted !== '' && template?.versions.some((v) => normalizeForSearch(v.version) === wanted)) throw new Error(t('forms.field.versionTaken', { version: (value ?? '').trim() }));
              },
            },
          ]}
        >
          <Input maxLength={40} placeholder={t('forms.field.versionPlaceholder')} data-testid="form-field-version" />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('forms.field.effectiveOn')} rules={[{ required: true, message: t('forms.field.effectiveOnRequired') }]} style={{ width: 280 }}>
          <DatePicker format={ISO} allowClear={false} style={{ width: '100%' }} data-testid="form-field-effective" />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={template ? t('forms.field.noteChanges') : t('forms.field.note')}>
        <Input.TextArea rows={2} maxLength={1000} showCount placeholder={template ? t('forms.field.noteChangesPlaceholder') : t('forms.field.notePlaceholder')} data-testid="form-field-note" />
      </Form.Item>
      <Form.Item name="file" label={t('forms.field.file')} rules={[{ required: true, message: t('forms.field.fileRequired') }]}>
        <FormFilePicker />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="form-publish-error" />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="form-publish-submit">
          {template ? t('forms.publish.submitVersion') : t('forms.publish.submit')}
        </Button>
        <Button onClick={onDone} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
