/**
 * The connection doctor's result: per side, whether it works, every problem in plain words
 * with the profile/connect-form field at fault and the fix, and the permissions granted and
 * missing. JSON-serialisable (it crosses IPC and is printed by the CLI).
 */
export { DoctorProblem, DoctorReport, DoctorSide } from '../../shared/ipc/connections'
