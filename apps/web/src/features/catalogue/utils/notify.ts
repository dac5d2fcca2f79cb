import { notifications } from '@mantine/notifications';

/** A write went through: said in a notification (UI.md "Writes confirm with a notification"). */
export function notifySaved(title: string, message: string): void {
  notifications.show({ color: 'teal', title, message, withBorder: true });
}

/** A write that has no form to show its error in (reactivating from a list row). */
export function notifyFailed(title: string, message: string): void {
  notifications.show({ color: 'red', title, message, withBorder: true, autoClose: false });
}
