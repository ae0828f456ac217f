export { BatchEvent, CollectEvent, ProgressEvent } from '../../shared/model/collect-events'
