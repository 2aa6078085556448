import { defineMessages } from '../../i18n/messages';

export const trustMessages = defineMessages({
  vi: {
    title: 'Tin cậy người ký',
    explain:
      'Người ký hồ sơ này chưa được đăng ký ký cho đơn vị khai báo. Chỉ khi Sở Nội vụ đã xác minh người ký (ví dụ qua công văn của đơn vị), hãy chọn đơn vị và tin cậy chứng thư này; quyết định được ghi vào nhật ký Sổ đăng ký.',
    noRegister: 'Chưa mở năm nào trong Sổ đăng ký: hãy nhập danh sách đơn vị trước.',
    year: 'Năm',
    unit: 'Đơn vị',
    pickUnit: '— Chọn đơn vị —',
    trust: 'Tin cậy người ký này cho đơn vị {unit}',
    trustNone: 'Tin cậy người ký này cho đơn vị …',
    trusted: 'Đã đăng ký người ký {subject} cho {unit}.',
    again: 'Tiếp nhận lại hồ sơ',
  },
  en: {
    title: 'Trust the signer',
    explain:
      'This bundle\'s signer is not registered for the unit it declares. Only once Sở Nội vụ has verified the signer (e.g. by the unit\'s official letter), pick the unit and trust this certificate; the decision is written to the register\'s log.',
    noRegister: 'No year is opened in the register: import the unit list first.',
    year: 'Year',
    unit: 'Unit',
    pickUnit: '— Pick a unit —',
    trust: 'Trust this signer for {unit}',
    trustNone: 'Trust this signer for the unit …',
    trusted: 'Registered signer {subject} for {unit}.',
    again: 'Receive the bundle again',
  },
});
