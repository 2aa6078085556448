import { useState } from 'react';

import type { Role } from '../../../shared/schemas/settings';
import { defineMessages } from '../i18n/messages';
import { useT } from './app-context';
import { useRole } from './role-context';

const m = defineMessages({
  vi: {
    title: 'Ứng dụng này phục vụ ai?',
    why: 'Chọn một lần; mỗi vai trò chỉ thấy các chức năng của mình. Có thể đổi lại bất cứ lúc nào ở đây.',
    unit: 'Đơn vị tự đánh giá (sở, ban, ngành; phường; xã, đặc khu)',
    unitWhat: 'Chấm điểm, đính kèm tài liệu kiểm chứng, xuất báo cáo và ký số hồ sơ nộp.',
    receiver: 'Sở Nội vụ (tiếp nhận và thẩm định)',
    receiverWhat: 'Sổ đăng ký đơn vị và người ký, tiếp nhận hồ sơ, thẩm định, xếp hạng, đợt đánh giá.',
    current: 'Vai trò: {role}',
    change: 'Đổi vai trò',
    cancel: 'Giữ nguyên',
  },
  en: {
    title: 'Whom does this app serve?',
    why: 'Choose once; each role sees only its own functions. You can change it here at any time.',
    unit: 'A self-assessing unit (department; ward; commune, special zone)',
    unitWhat: 'Score, attach evidence, export the report and sign the submission bundle.',
    receiver: 'Sở Nội vụ (receiving and appraising)',
    receiverWhat: 'Register of units and signers, received bundles, appraisal, ranking, assessment rounds.',
    current: 'Role: {role}',
    change: 'Change role',
    cancel: 'Keep',
  },
});

/** First start: choose the role; afterwards one line showing it, with a way to change it. */
export const RoleChooser = () => {
  const t = useT(m);
  const { role, setRole } = useRole();
  const [changing, setChanging] = useState(false);
  if (role && !changing) {
    return (
      <p className="role-line small" data-testid="role-line">
        {t('current', { role: t(role) })}{' '}
        <button type="button" className="btn btn-link link-underline" onClick={() => setChanging(true)}>
          {t('change')}
        </button>
      </p>
    );
  }
  const choose = (r: Role) => {
    setRole(r);
    setChanging(false);
  };
  return (
    <section className="card" aria-labelledby="role-title" data-testid="role-chooser">
      <h2 id="role-title">{t('title')}</h2>
      <p className="muted">{t('why')}</p>
      <div className="role-options">
        {(['unit', 'receiver'] as const).map((r) => (
          <button key={r} type="button" className={role === r ? 'btn btn-primary role-option' : 'btn role-option'} aria-pressed={role === r} onClick={() => choose(r)}>
            <strong>{t(r)}</strong>
            <span className="small">{t(r === 'unit' ? 'unitWhat' : 'receiverWhat')}</span>
          </button>
        ))}
      </div>
      {role && (
        <button type="button" className="btn btn-link link-underline" onClick={() => setChanging(false)}>
          {t('cancel')}
        </button>
      )}
    </section>
  );
};
