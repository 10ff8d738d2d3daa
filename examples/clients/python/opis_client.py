#!/usr/bin/python3
"""Send documents to an opis daemon and print the enriched records as JSON lines.

    python3 opis_client.py --server HOST:PORT [--token T] [--stream] PATH...

Each PATH is a file or a directory (read recursively). Without --stream every
file is one Process call; with --stream all files go through one
ProcessStream call. Records go to stdout, one JSON object per line (the same
mapping as records.jsonl); failures go to stderr, and the exit status is 1
when any document failed.

The gRPC modules are generated at start-up from the repository's proto/ folder
with the system protoc and grpc_python_plugin, into a cache folder keyed by
the protos' content, so the client needs no build step of its own.
"""

import argparse
import hashlib
import os
import pathlib
import subprocess
import sys

SYSTEM_PYTHON = "/usr/bin/python3"
PROTO_ROOT = pathlib.Path(__file__).resolve().parents[3] / "proto"
PROTOS = ["opis/v1/record.proto", "opis/v1/archive_service.proto", "grpc/health/v1/health.proto"]


def import_grpc():
    """grpc from Debian's python3-grpcio lives with /usr/bin/python3; another
    python3 first on PATH may not see it, so re-run under the system one."""
    try:
        import grpc  # noqa: F401
        from google.protobuf import json_format  # noqa: F401
    except ImportError:
        if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) and os.path.exists(
            SYSTEM_PYTHON
        ):
            os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, *sys.argv])
        sys.exit("opis_client: needs the python3-grpcio and python3-protobuf packages")


def generated_module_directory():
    digest = hashlib.sha256()
    for proto in PROTOS:
        digest.update((PROTO_ROOT / proto).read_bytes())
    cache = pathlib.Path(os.environ.get("XDG_CACHE_HOME", pathlib.Path.home() / ".cache"))
    target = cache / "opis" / "python-grpc" / digest.hexdigest()[:16]
    if not (target / "opis" / "v1" / "archive_service_pb2_grpc.py").exists():
        staging = target.with_name(target.name + f".tmp{os.getpid()}")
        staging.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "protoc",
                f"-I{PROTO_ROOT}",
                f"--python_out={staging}",
                f"--grpc_out={staging}",
                "--plugin=protoc-gen-grpc=/usr/bin/grpc_python_plugin",
                *PROTOS,
            ],
            check=True,
        )
        try:
            staging.rename(target)
        except OSError:  # another client generated them first
            subprocess.run(["rm", "-rf", str(staging)], check=False)
    return target


def load_generated_modules():
    sys.path.insert(0, str(generated_module_directory()))
    from opis.v1 import archive_service_pb2, archive_service_pb2_grpc

    return archive_service_pb2, archive_service_pb2_grpc


def documents(paths):
    for path in paths:
        p = pathlib.Path(path)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        else:
            yield p


def open_channel(args):
    import grpc

    options = [("grpc.max_receive_message_length", 64 << 20), ("grpc.max_send_message_length", 64 << 20)]
    if args.tls_ca:
        credentials = grpc.ssl_channel_credentials(root_certificates=pathlib.Path(args.tls_ca).read_bytes())
        return grpc.secure_channel(args.server, credentials, options=options)
    return grpc.insecure_channel(args.server, options=options)


def main():
    parser = argparse.ArgumentParser(description="Send documents to an opis daemon (opis serve).")
    parser.add_argument("--server", required=True, help="HOST:PORT of the daemon")
    parser.add_argument("--token", help="bearer token, when the daemon requires one")
    parser.add_argument("--stream", action="store_true", help="send every file through one ProcessStream call")
    parser.add_argument("--tls-ca", help="PEM file of the CA that signed the daemon's certificate (enables TLS)")
    parser.add_argument("--timeout", type=float, default=60.0, help="deadline per call, in seconds")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    args = parser.parse_args()

    import_grpc()
    import grpc
    from google.protobuf import json_format

    pb2, pb2_grpc = load_generated_modules()
    stub = pb2_grpc.ArchiveServiceStub(open_channel(args))
    metadata = [("authorization", f"Bearer {args.token}")] if args.token else None
    files = list(documents(args.paths))
    failures = 0

    def request_for(index, path):
        return pb2.ProcessRequest(
            request_id=str(index), content=path.read_bytes(), file_name=path.name, source_uri=str(path)
        )

    def print_records(response):
        for record in response.records:
            print(json_format.MessageToJson(record, preserving_proto_field_name=True, indent=None, ensure_ascii=False))

    if args.stream:
        timeout = args.timeout * max(1, len(files))
        try:
            for response in stub.ProcessStream(
                (request_for(i, f) for i, f in enumerate(files)), metadata=metadata, timeout=timeout
            ):
                if response.HasField("error"):
                    failures += 1
                    path = files[int(response.request_id)]
                    print(f"opis_client: {path}: {response.error.message}", file=sys.stderr)
                else:
                    print_records(response)
        except grpc.RpcError as e:
            print(f"opis_client: stream failed: {e.code().name}: {e.details()}", file=sys.stderr)
            return 1
    else:
        for i, path in enumerate(files):
            try:
                print_records(stub.Process(request_for(i, path), metadata=metadata, timeout=args.timeout))
            except grpc.RpcError as e:
                failures += 1
                print(f"opis_client: {path}: {e.code().name}: {e.details()}", file=sys.stderr)
    sys.stdout.flush()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
