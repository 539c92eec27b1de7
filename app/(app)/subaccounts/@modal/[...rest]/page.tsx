// Any other page under /subaccounts closes the invite window: without this,
// a soft navigation would keep the slot's last content on screen.
export default function NoModal() {
  return null;
}
