/** Says that the interview moved on elsewhere (a 409) and that the page now shows where it
 * stands; announced politely, as it comes with the reloaded question. */
export function RecoveryNotice({ message }: { message: string }) {
  return (
    <div className="notice" role="status">
      <p>
        <strong>Your interview changed in another tab or device.</strong> This page now shows where
        it stands.
      </p>
      <p className="muted small">{message}</p>
    </div>
  );
}
