import { useMemo } from 'react';
import { View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import './index.scss';

/**
 * A QR code drawn with Views (one row of cells per module row): the same markup in the mini-program and on H5,
 * no canvas and no image. Error correction M; the quiet zone is the padding of `qr-code`. Classes: `qr-code`
 * (`data-value`: the encoded text, `data-size`: modules per side), `qr-code__cell--dark`.
 */
export function QrCode({ value, size = 400 }: { value: string; size?: number }) {
  const matrix = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(value, 'Alphanumeric');
    qr.make();
    const n = qr.getModuleCount();
    return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
  }, [value]);
  const cell = Math.floor(size / (matrix.length + 8));
  return (
    <View
      className="qr-code"
      data-value={value}
      data-size={matrix.length}
      style={{ padding: `${cell * 4}px`, width: `${cell * matrix.length}px` }}
    >
      {matrix.map((row, r) => (
        <View key={r} className="qr-code__row" style={{ height: `${cell}px` }}>
          {row.map((dark, c) => (
            <View
              key={c}
              className={dark ? 'qr-code__cell qr-code__cell--dark' : 'qr-code__cell'}
              style={{ width: `${cell}px`, height: `${cell}px` }}
            />
          ))}
        </View>
      ))}
    </View>
  );
}
