/** Fresh request bodies for the authorisation matrix's rows: a new account, a new browser. */
import { createECDH, randomBytes, randomUUID } from 'node:crypto';

/** What PushSubscription.toJSON() gives for a new browser subscribed at FCM. */
export function freshSubscription() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`,
    expirationTime: null,
    keys: {
      p256dh: ecdh.getPublicKey().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
  };
}

let counter = 0;
export function freshRegistration() {
  counter++;
  const id = `${Date.now().toString(36)}m${counter}`;
  return {
    email: `matrix.${id}@example.test`,
    username: `matrix_${id}`,
    password: `matrix password ${id}`,
  };
}
