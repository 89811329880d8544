#!/usr/bin/env python3
"""PyTorch reference for the Counterweight benchmark: the same two networks as
io.counterweight.bench.BenchNetworks, same batch and thread count, one training step per batch on one
pre-built random batch. Prints one JSON object like `counterweight bench --json`.
Needs Debian's python3-torch (bench/run.sh installs it); never needed by CI or users."""
import argparse, json, os, time
import torch
import torch.nn as nn


def lenet(classes=50):
    return nn.Sequential(
        nn.Conv2d(3, 6, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(), nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, classes))


def study(classes=50):
    return nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(), nn.Linear(64 * 8 * 8, 128), nn.ReLU(), nn.Linear(128, classes))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="study", choices=["study", "lenet"])
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--iterations", type=int, default=30)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    net = lenet() if a.model == "lenet" else study()
    opt = torch.optim.SGD(net.parameters(), lr=1e-4, momentum=0.9, nesterov=True)  # DL4J Nesterovs
    loss_fn = nn.CrossEntropyLoss()
    x = torch.rand(a.batch, 3, 32, 32)
    y = torch.arange(a.batch) % 50

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(net(x), y)
        loss.backward()
        opt.step()

    net.train()
    for _ in range(a.warmup):
        step()
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(a.iterations):
        step()
    train = a.batch * a.iterations / (time.perf_counter() - t0)
    train_cpu = a.batch * a.iterations / max(0.01, time.process_time() - c0)
    net.eval()
    with torch.no_grad():
        for _ in range(a.warmup):
            net(x)
        t1 = time.perf_counter()
        for _ in range(a.iterations):
            net(x)
        infer = a.batch * a.iterations / (time.perf_counter() - t1)
    print(json.dumps({"model": a.model, "batch": a.batch, "threads": a.threads,
                      "backend": "pytorch-" + torch.__version__ + "-cpu",
                      "blas": os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3"),
                      "train_images_per_second": round(train, 1),
                      "train_images_per_cpu_second": round(train_cpu, 1),
                      "inference_images_per_second": round(infer, 1)}))


if __name__ == "__main__":
    main()
