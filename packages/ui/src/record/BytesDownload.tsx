import { Download } from "lucide-react";
import { useEffect, useState } from "react";

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A download link for a Bytes value (base64 on the wire). */
export function BytesDownload({ base64, fileName }: { base64: string; fileName: string }) {
  const [url, setUrl] = useState<string>();
  const [size, setSize] = useState(0);
  useEffect(() => {
    try {
      const bytes = decode(base64);
      const objectUrl = URL.createObjectURL(new Blob([bytes], { type: "application/octet-stream" }));
      setUrl(objectUrl);
      setSize(bytes.length);
      return () => URL.revokeObjectURL(objectUrl);
    } catch {
      setUrl(undefined);
      return undefined;
    }
  }, [base64]);
  if (!url) return <span className="faint">Not valid base64</span>;
  return (
    <a href={url} download={fileName} className="button button-small">
      <Download size={13} aria-hidden="true" />
      Download ({size.toLocaleString()} bytes)
    </a>
  );
}
