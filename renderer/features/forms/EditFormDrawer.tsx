// Correcting a form's description (title, category, issuing department, what it is for) without
// publishing a new version: the files and versions stay as they are.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, AutoComplete, Button, Drawer, Form, Input, Space } from 'antd';
import type { FormTemplate } from '../../../shared/domain/forms';
import { catalogFacets, normalizeForSearch } from '../../../shared/forms/catalog';
import { preventEnterSubmit } from '../../components/noEnterSubmit';
import { useSave } from '../admin/useSave';

interface Values {
  title: string;
  category: string;
  issuingDepartment: string;
  description: string;
}

export function EditFormDrawer({ template, templates, onClose }: { template: FormTemplate | null; templates: readonly FormTemplate[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={template !== null} onClose={onClose} title={template ? t('forms.edit.title', { title: template.title }) : ''} width={560} keyboard={false} maskClosable={false} destroyOnHidden data-testid="form-edit-drawer">
      {template && <EditForm key={template.id} template={template} templates={templates} onDone={onClose} />}
    </Drawer>
  );
}

function EditForm({ template, templates, onDone }: { template: FormTemplate; templates: readonly FormTemplate[]; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSave();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const facets = catalogFacets(templates);
  const initial: Values = { title: template.title, category: template.category, issuingDepartment: template.issuingDepartment, description: template.description };
  const required = (message: string) => ({ required: true, whitespace: true, message });
  const matches = (input: string, option?: { value: string }) => normalizeForSearch(option?.value ?? '').includes(normalizeForSearch(input));

  async function submit(values: Values): Promise<void> {
    const args = { id: template.id, title: values.title.trim(), category: values.category.trim(), issuingDepartment: values.issuingDepartment.trim(), description: values.description.trim() };
    if (args.title === initial.title && args.category === initial.category && args.issuingDepartment === initial.issuingDepartment && args.description === initial.description.trim()) {
      onDone();
      return;
    }
    setBusy(true);
    const failed = await save([{ name: 'form.edit', args }], t('forms.edit.done', { title: args.title }));
    setBusy(false);
    if (failed) setError(failed);
    else onDone();
  }

  return (
    <Form<Values> layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} onValuesChange={() => setError(null)} onKeyDown={preventEnterSubmit} disabled={busy} data-testid="form-edit-form">
      <Form.Item name="title" label={t('forms.field.title')} rules={[required(t('forms.field.titleRequired'))]}>
        <Input maxLength={200} data-testid="form-edit-title" />
      </Form.Item>
      <Form.Item name="category" label={t('forms.field.category')} rules={[required(t('forms.field.categoryRequired'))]} extra={t('forms.field.categoryHint')}>
        <AutoComplete options={facets.categories.map((c) => ({ value: c }))} filterOption={matches} maxLength={60} data-testid="form-edit-category" />
      </Form.Item>
      <Form.Item name="issuingDepartment" label={t('forms.field.department')} rules={[required(t('forms.field.departmentRequired'))]}>
        <AutoComplete options={facets.departments.map((d) => ({ value: d }))} filterOption={matches} maxLength={100} data-testid="form-edit-department" />
      </Form.Item>
      <Form.Item name="description" label={t('forms.field.description')}>
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="form-edit-description" />
      </Form.Item>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="form-edit-submit">
          {t('forms.edit.submit')}
        </Button>
        <Button onClick={onDone} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
