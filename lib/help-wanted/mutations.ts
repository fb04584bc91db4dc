// TEMP-REEXPORT (the actions import ./items and ./claims once moved on main)
export { createItem, updateItem, publishDraft, discardDraft, closeItem } from "./items";
export {
  volunteerForItem,
  decideClaim,
  withdrawClaim,
  releaseClaim,
  postProgress,
  sendFollowUp,
  markClaimDone,
  confirmCompletion,
} from "./claims";
