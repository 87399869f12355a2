// Export of what the overview shows, as CSV or XLSX.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Space } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { csvBlob, downloadBlob, preloadXlsx, xlsxBlob, type ExportTable } from './export';

interface ExportButtonsProps {
  /** Built on click only: a large table is not formatted on every render. */
  table: () => ExportTable;
  fileName: string;
  sheetName: string;
  disabled: boolean;
}

export function ExportButtons({ table, fileName, sheetName, disabled }: ExportButtonsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // After the page has settled, so the overview itself is never slowed by it.
  useEffect(() => {
    const timer = setTimeout(preloadXlsx, 2000);
    return () => clearTimeout(timer);
  }, []);

  async function exportXlsx(): Promise<void> {
    setBusy(true);
    try {
      downloadBlob(await xlsxBlob(table(), sheetName), `${fileName}.xlsx`);
    } catch (error) {
      // The workbook library is a separate file: it can fail to load on a stale offline copy.
      console.error('xlsx export failed', error);
      void message.error(t('hr.export.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space>
      <Button icon={<DownloadOutlined />} disabled={disabled} onClick={() => downloadBlob(csvBlob(table()), `${fileName}.csv`)} data-testid="hr-export-csv">
        {t('hr.export.csv')}
      </Button>
      <Button icon={<FileExcelOutlined />} disabled={disabled} loading={busy} onClick={() => void exportXlsx()} data-testid="hr-export-xlsx">
        {t('hr.export.xlsx')}
      </Button>
    </Space>
  );
}
