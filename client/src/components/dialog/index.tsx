import type { ReactNode } from 'react';
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button, Dialog as NutDialog } from '@nutui/nutui-react-taro';
// The dialog's styles bring its overlay's and buttons'.
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
import './index.scss';

export interface DialogInput {
  label?: string;
  placeholder: string;
  /** A required input must have at least `minLength` characters (after trimming). */
  required: boolean;
  minLength?: number;
  maxLength: number;
}

interface Props {
  open: boolean;
  title: string;
  message?: string;
  /** Shown in red above the buttons (irreversible decisions). */
  warning?: string;
  input?: DialogInput;
  confirmText: string;
  cancelText?: string;
  danger?: boolean;
  busy?: boolean;
  /** Extra class on the root, e.g. `review-dialog--publish`, for tests. */
  className?: string;
  /** Choices shown above the input (e.g. chips), inside the panel so that they can be tapped. */
  children?: ReactNode;
  onConfirm: (text: string) => void;
  onCancel: () => void;
}

/**
 * A modal confirmation, optionally asking for a reason: NutUI's Dialog (its overlay, panel and title) with NutUI
 * Buttons, themed by the tokens (app.scss sets NutUI's colour variables). One component on every platform (the
 * native modal of the mini-program cannot take a multi-line reason, and H5's differs), so the wording and the
 * test hooks are the same everywhere. Classes: `dialog` (with `className`, on NutUI's `nut-dialog-outer`),
 * `dialog__input` (its textarea), `dialog__error`, `dialog__cancel`, `dialog__confirm`.
 */
export function Dialog(props: Props) {
  const { open, input } = props;
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  // Each opening starts empty: reset while rendering the change (React's "adjusting state when a prop changes").
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setText('');
      setError('');
    }
  }

  const cancel = () => !props.busy && props.onCancel();
  const confirm = () => {
    if (props.busy) return;
    const value = text.trim();
    if (input?.required && value.length < (input.minLength ?? 1)) {
      setError(`请填写${input.label ?? '理由'}（至少 ${input.minLength ?? 1} 个字）`);
      return;
    }
    props.onConfirm(value);
  };

  return (
    <NutDialog
      visible={open}
      className={`dialog ${props.className ?? ''}`}
      title={props.title}
      lockScroll
      closeOnOverlayClick={!props.busy}
      onCancel={cancel}
      footer={
        <View className="dialog__actions">
          <Button className="dialog__cancel" fill="outline" type="default" size="large" onClick={cancel}>
            {props.cancelText ?? '取消'}
          </Button>
          <Button
            className={`dialog__confirm${props.danger ? ' is-danger' : ''}${props.busy ? ' is-busy' : ''}`}
            type={props.danger ? 'danger' : 'primary'}
            size="large"
            loading={props.busy}
            onClick={confirm}
          >
            {props.busy ? '处理中…' : props.confirmText}
          </Button>
        </View>
      }
    >
      {props.message && <Text className="dialog__message">{props.message}</Text>}
      {props.children}
      {input && open && (
        <View className="dialog__field">
          {input.label && (
            <Text className="dialog__label">
              {input.label}
              {input.required ? (
                <Text className="dialog__required">（必填）</Text>
              ) : (
                <Text className="dialog__optional">（选填）</Text>
              )}
            </Text>
          )}
          <Textarea
            className={`dialog__input${error ? ' has-error' : ''}`}
            value={text}
            placeholder={input.placeholder}
            maxlength={input.maxLength}
            fixed
            autoHeight={false}
            onInput={(e) => {
              setText(e.detail.value);
              if (error) setError('');
            }}
          />
          <View className="dialog__meta">
            {error ? <Text className="dialog__error field-error">{error}</Text> : <Text />}
            <Text className="dialog__count">
              {text.length}/{input.maxLength}
            </Text>
          </View>
        </View>
      )}
      {props.warning && <Text className="dialog__warning">{props.warning}</Text>}
    </NutDialog>
  );
}
