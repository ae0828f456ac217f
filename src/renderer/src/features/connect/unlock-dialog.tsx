import { useState, type FormEvent } from 'react'
import { Button } from 'react-aria-components'
import type { VaultStatus } from '../../../../shared/ipc/connections'
import { invoke } from '../../api'
import { ModalDialog } from '../../components/modal-dialog'

interface UnlockDialogProps {
  status: VaultStatus
  isOpen: boolean
  onOpenChange: (open: boolean) => void
  onUnlocked: (status: VaultStatus) => void
}

/**
 * Unlocks the credential vault: a passphrase (browser mode), or, for Electron on Linux
 * without a keyring, the explicit acceptance of the plain-text warning.
 */
export function UnlockDialog({ status, isOpen, onOpenChange, onUnlocked }: UnlockDialogProps) {
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const unlock = async (input: { passphrase?: string; acceptPlaintext?: true }) => {
    setBusy(true)
    const result = await invoke('vault:unlock', input)
    setBusy(false)
    if (result.ok) {
      setPassphrase('')
      onUnlocked(result.value)
    } else setError(result.error.message)
  }
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (passphrase.length < 8) {
      setError('The vault passphrase has at least 8 characters.')
      return
    }
    void unlock({ passphrase })
  }

  return (
    <ModalDialog title="Unlock the credential vault" isOpen={isOpen} onOpenChange={onOpenChange}>
      {status.kind === 'passphrase' ? (
        <form className="form" onSubmit={handleSubmit}>
          <p>
            Stored client secrets, certificates and API tokens are encrypted with your vault
            passphrase. The first passphrase you enter seals a new vault; keep it safe, it cannot be
            recovered.
          </p>
          <div className="field">
            <label className="field__label" htmlFor="vault-passphrase">
              Vault passphrase
            </label>
            <input
              id="vault-passphrase"
              className="field__input"
              type="password"
              autoComplete="current-password"
              value={passphrase}
              aria-describedby={error ? 'vault-passphrase-error' : undefined}
              onChange={(event) => {
                setPassphrase(event.target.value)
                setError(undefined)
              }}
              autoFocus
            />
            {error && (
              <span className="field__error" id="vault-passphrase-error" role="alert">
                {error}
              </span>
            )}
          </div>
          <div className="dialog__actions">
            <Button className="button" slot="close">
              Cancel
            </Button>
            <Button className="button button--primary" type="submit" isPending={busy}>
              Unlock
            </Button>
          </div>
        </form>
      ) : (
        <div className="form">
          <p className="field__warning">{status.warning ?? status.problems.join(' ')}</p>
          {error && (
            <p className="form__error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <Button className="button" slot="close" autoFocus>
              Cancel
            </Button>
            {status.needsPlaintextConsent && (
              <Button
                className="button button--danger"
                isPending={busy}
                onPress={() => void unlock({ acceptPlaintext: true })}
              >
                Accept and store anyway
              </Button>
            )}
          </div>
        </div>
      )}
    </ModalDialog>
  )
}
