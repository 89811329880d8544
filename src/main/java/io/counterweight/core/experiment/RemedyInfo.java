package io.counterweight.core.experiment;

/**
 * One paragraph per remedy with its reference and how to switch it on, for the GUI, the grid and
 * docs/methods.md (which holds the same text; a test keeps the two equal).
 */
public enum RemedyInfo {
    SAMPLER("Re-weighted random sampler",
            "Each epoch draws as many images as the training set holds, with replacement, each with a probability "
                    + "proportional to the weight of its class (1/n, or the inverse effective number with β), so every "
                    + "class is seen about equally often. Rare images repeat within an epoch, which can overfit them.",
            "The study; PyTorch's WeightedRandomSampler. Cui et al., \"Class-Balanced Loss Based on Effective Number "
                    + "of Samples\", CVPR 2019 (for β).",
            "--sampler [--weight-mode inverse|effective --beta B]"),
    AUGMENT("Random augmentation",
            "Each image is changed every time it is drawn: rotation, affine (translate, scale, shear), horizontal flip "
                    + "and colour jitter, each independently with its own probability (the study: 0.3). Repeated rare "
                    + "images then differ, which counters the overfitting the sampler invites.",
            "The study's recipe.",
            "--augment P, or --rotate/--affine/--flip/--jitter P"),
    WEIGHTED_LOSS("Class-weighted loss",
            "Cross-entropy in which each image's term is multiplied by the weight of its class, the sampler's weights "
                    + "(1/n, or the inverse effective number with β) scaled to a mean of 1, so the loss keeps its scale. "
                    + "The rare classes pull as hard on the gradient as the frequent ones, without repeating images.",
            "Cui et al., \"Class-Balanced Loss Based on Effective Number of Samples\", CVPR 2019.",
            "--loss weighted [--weight-mode inverse|effective --beta B]"),
    DEFERRED("Deferred re-weighting / re-sampling (DRW, DRS)",
            "The weighted loss or the sampler is switched on only from epoch E; before it the network trains on the "
                    + "natural distribution. Features learnt from all images first, then the decision boundaries moved "
                    + "towards the rare classes: re-balancing from the first epoch can hurt the features.",
            "Cao et al., \"Learning Imbalanced Datasets with Label-Distribution-Aware Margin Loss\", NeurIPS 2019.",
            "--defer-epoch E with --loss weighted and/or --sampler"),
    MIXUP("Mixup",
            "Each image of a batch is blended with another image of the same batch, x = λ·x_i + (1 − λ)·x_j, and its "
                    + "label the same way, with λ drawn from Beta(α, α) once per batch. Training on such soft examples "
                    + "smooths the decision boundaries and calibrates the network; α around 0.2-1 is usual.",
            "Zhang et al., \"mixup: Beyond Empirical Risk Minimization\", ICLR 2018.",
            "--mixup ALPHA"),
    LOGIT_ADJUSTED("Balanced softmax / logit-adjusted loss",
            "Cross-entropy computed on softmax(z + τ·log π), with π the training-set class priors: the frequent "
                    + "classes get a head start during training that the network need not learn, so its own logits "
                    + "favour them less. At inference the plain softmax is used. τ = 1 is the balanced softmax.",
            "Ren et al., \"Balanced Meta-Softmax for Long-Tailed Visual Recognition\", NeurIPS 2020; Menon et al., "
                    + "\"Long-Tail Learning via Logit Adjustment\", ICLR 2021.",
            "--loss logit-adjusted [--tau T]"),
    WARMUP("Learning-rate warm-up",
            "The learning rate rises linearly over the first K epochs (K-th epoch at the full rate), so a large rate "
                    + "does not throw the freshly initialised network off course in its first steps.",
            "Goyal et al., \"Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour\", 2017; named in the study's outlook.",
            "--warmup K"),
    DECAY("Learning-rate decay",
            "The learning rate falls during the run: step (× γ every S epochs) or cosine (half a cosine from the full "
                    + "rate towards 0 over the epochs after the warm-up). Large steps early, fine steps late.",
            "Loshchilov and Hutter, \"SGDR: Stochastic Gradient Descent with Warm Restarts\", ICLR 2017 (cosine).",
            "--decay step --decay-every S --decay-gamma G, or --decay cosine");

    private final String title;
    private final String paragraph;
    private final String reference;
    private final String cli;

    RemedyInfo(String title, String paragraph, String reference, String cli) {
        this.title = title;
        this.paragraph = paragraph;
        this.reference = reference;
        this.cli = cli;
    }

    public String title() {
        return title;
    }

    public String paragraph() {
        return paragraph;
    }

    public String reference() {
        return reference;
    }

    /** The command-line options that switch it on. */
    public String cli() {
        return cli;
    }
}
