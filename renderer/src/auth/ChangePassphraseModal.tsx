import { notifications } from '@mantine/notifications';
import { AppModal } from '../components/AppModal';
import { ChangePassphraseForm } from './ChangePassphraseForm';

export function ChangePassphraseModal({ onClose }: { onClose: () => void }) {
  return (
    <AppModal title="Change passphrase" onClose={onClose} size={460} centered>
      <ChangePassphraseForm
        onCancel={onClose}
        onDone={() => {
          notifications.show({ message: 'Passphrase changed. Use the new one from now on.' });
          onClose();
        }}
      />
    </AppModal>
  );
}
