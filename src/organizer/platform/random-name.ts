/** 128 random bits, hex: a cloud path under uploads/ known only to the uploader. */
export function randomName(): string {
  let name = '';
  for (let i = 0; i < 32; i += 1) name += Math.floor(Math.random() * 16).toString(16);
  return name;
}
