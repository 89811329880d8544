package io.counterweight.cli;

import io.counterweight.core.CounterweightException;
import io.counterweight.core.Durations;
import io.counterweight.core.experiment.ConfigJson;
import io.counterweight.core.experiment.ExperimentConfig;
import io.counterweight.core.experiment.Workspace;
import io.counterweight.core.experiment.grid.GridCell;
import io.counterweight.core.experiment.grid.GridEvent;
import io.counterweight.core.experiment.grid.GridFolder;
import io.counterweight.core.experiment.grid.GridListener;
import io.counterweight.core.experiment.grid.GridPlan;
import io.counterweight.core.experiment.grid.GridRunner;
import io.counterweight.core.experiment.grid.RemedyRegistry;
import io.counterweight.core.report.GridExport;
import io.counterweight.core.report.GridRun;
import io.counterweight.core.report.GridTable;
import io.counterweight.core.train.TrainingControl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code counterweight grid DATA --remedies R1,R2 --seeds N [--imbalance U1,U2]}: every remedy at every
 * ratio with N seeds, each cell a run in the workspace, then mean ± std tables, charts and per-class gains
 * in {@code <workspace>/grids/<name>/}. Running it again skips the finished cells. {@code --emit} prints a
 * Slurm array script or one command per cell instead; {@code --collect DIR...} builds the tables from run
 * folders wherever they ran. The data and recipe options are {@code train}'s own ({@link DataOptions},
 * {@link RecipeOptions}), so whatever those gain, the grid's base config gains; only {@code --imbalance}
 * takes a list here. See docs/grid.md.
 */
@Command(name = "grid", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = GridCommand.ImbalanceList.class,
        description = {"Train every remedy at every imbalance ratio with N seeds; print mean ± std per remedy and ratio.",
                "Each cell is a run in the workspace; the grid's tables, charts and page go to <workspace>/grids/<name>/."})
class GridCommand implements Callable<Integer> {
    static final String IMBALANCE = "--imbalance";

    @Mixin DataOptions dataOptions;
    @Mixin RecipeOptions recipe;

    @Option(names = "--remedies", paramLabel = "R", split = ",", defaultValue = "baseline,sampler,augment,sampler+augment",
            description = "Remedies, comma-separated; each a name or names joined by + (default: ${DEFAULT-VALUE}). Names: "
                    + "${COMPLETION-CANDIDATES}.", completionCandidates = RemedyNames.class)
    List<String> remedies;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Seeds per cell: the base --seed, +1, +2, … (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--name", paramLabel = "NAME", description = "The grid's folder name (default: grid- and a hash of its cells).")
    String name;

    @Option(names = "--emit", paramLabel = "slurm|commands",
            description = "Do not train: print a Slurm job-array script, or one command line per cell.")
    String emit;

    @Option(names = "--launcher", paramLabel = "CMD", defaultValue = "counterweight",
            description = "The command emitted lines start with (default: ${DEFAULT-VALUE}).")
    String launcher;

    @Option(names = "--cell", paramLabel = "I", description = "Run only cell I (1-based; what --emit's lines do).")
    Integer cell;

    @Option(names = "--resume", paramLabel = "GRID_DIR",
            description = "Run the unfinished cells of the grid in GRID_DIR (its grid.json holds the plan).")
    Path resume;

    @Option(names = "--collect", paramLabel = "DIR", arity = "1..*",
            description = "Do not train: build the tables from the grid cells' run folders found under each DIR.")
    List<Path> collect;

    @Option(names = "--json", description = "Print one JSON object {\"cells\": [...], \"summary\": [...]} on stdout.")
    boolean json;

    @Spec CommandSpec spec;

    /** A hook on every grid event, after the printer (tests stop the grid here as Ctrl-C would). */
    void observe(GridEvent event, TrainingControl control) { }

    @Override
    public Integer call() {
        if (collect != null) return collect();
        GridPlan plan;
        GridFolder folder;
        if (resume != null) {
            onlyOptions("--resume", Set.of("--resume", "--cell", "--json", "--workspace", "--emit", "--launcher"));
            if (dataOptions.data != null) throw new CounterweightException("--resume takes no DATA: the grid's plan holds it");
            plan = GridFolder.readPlan(resume);
            GridFolder stored = GridFolder.open(resume);
            Path ws = recipe.workspace == null ? stored.workspace() : Workspace.resolve(recipe.workspace).ensureWritable().dir();
            folder = new GridFolder(ws, stored.dir());
        } else {
            if (dataOptions.data == null) throw new CounterweightException("DATA: a data path (or 'demo') is required (or --resume, --collect)");
            if (recipe.sampler || recipe.augment != null || recipe.rotate != null || recipe.affine != null || recipe.flip != null
                    || recipe.jitter != null) {
                throw new CounterweightException("grid sets the remedies of each cell from --remedies; drop --sampler and the "
                        + "augmentation options");
            }
            dataOptions.imbalance = 1.0; // the grid's list replaced the one ratio; each cell sets its own (default: 1)
            ExperimentConfig base = recipe.toConfig(dataOptions);
            plan = GridPlan.of(base, remedies, imbalances(), seeds, name);
            folder = GridFolder.of(recipe.outDir(), plan.name());
        }
        if (emit != null) return emit(plan, folder);
        if (cell != null) plan.cell(cell); // a bad index is said before anything loads
        return run(plan, folder);
    }

    private List<Double> imbalances() {
        List<Double> values = spec.findOption(IMBALANCE).getValue();
        if (!spec.commandLine().getParseResult().hasMatchedOption(IMBALANCE)) return List.of();
        for (double u : values) if (!(u > 0 && u <= 1)) throw new CounterweightException("--imbalance must be in (0, 1], got " + u);
        return values;
    }

    private void onlyOptions(String mode, Set<String> allowed) {
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            if (!allowed.contains(o.longestName())) {
                throw new CounterweightException(mode + " takes its settings from the grid; " + o.longestName() + " cannot change them");
            }
        }
    }

    private int emit(GridPlan plan, GridFolder folder) {
        folder.create(plan);
        String script = switch (emit.toLowerCase(Locale.ROOT)) {
            case "commands" -> GridScripts.commands(launcher, plan, folder);
            case "slurm" -> GridScripts.slurm(launcher, plan, folder);
            default -> throw new CounterweightException("--emit must be slurm or commands, got '" + emit + "'");
        };
        PrintWriter out = spec.commandLine().getOut();
        out.print(script);
        out.flush();
        spec.commandLine().getErr().println("counterweight: grid " + folder.dir() + ": " + plan.cells().size()
                + " cells; afterwards: " + launcher + " grid --resume " + folder.dir() + " (tables; trains what is missing)");
        return 0;
    }

    private int run(GridPlan plan, GridFolder folder) {
        PrintWriter err = spec.commandLine().getErr();
        List<GridFolder.CellState> states;
        boolean cancelled;
        try (RunSupport support = new RunSupport()) {
            ProgressPrinter progress = new ProgressPrinter(err, support::stopRequested);
            double[] eta = {Double.NaN};
            GridListener printer = e -> {
                if (e instanceof GridEvent.Started s) {
                    progress.update("grid " + s.gridDir() + ": " + s.plan().cells().size() + " cell(s), " + s.alreadyDone()
                            + " done already", -1, -1);
                } else if (e instanceof GridEvent.CellStarted c) {
                    progress.finishLine();
                    err.println(String.format(Locale.ROOT, "cell %d/%d: %s%s  (grid ETA %s)", c.cell().index(), plan.cells().size(),
                            c.cell().label(), c.resumedFrom() == null ? "" : ", continuing " + c.resumedFrom(), Durations.clock(eta[0])));
                } else if (e instanceof GridEvent.CellTraining t) {
                    progress.onEvent(t.event());
                } else if (e instanceof GridEvent.CellFinished f && f.error() != null) {
                    progress.finishLine();
                    err.println("counterweight: warning: cell " + f.cell().index() + " (" + f.cell().label() + ") failed: " + f.error());
                } else if (e instanceof GridEvent.Progress p) {
                    eta[0] = p.etaSeconds();
                }
                observe(e, support.control);
            };
            states = support.stoppable(progress, () -> GridRunner.run(plan, folder, cell == null ? 0 : cell, printer,
                    support.control, progress));
            progress.finishLine();
            cancelled = support.stopRequested();
        }
        List<GridFolder.CellState> shown = cell == null ? states : List.of(states.get(cell - 1));
        GridTable table = GridTable.of(GridRun.of(shown));
        List<Path> outputs = cell == null ? GridExport.write(folder.dir(), "Grid " + plan.name(), table) : List.of();
        print(table, folder.dir(), outputs, cancelled);
        return cancelled ? Main.EXIT_STOPPED : 0;
    }

    private int collect() {
        onlyOptions("--collect", Set.of("--collect", "--json", "--workspace", "--name"));
        if (dataOptions.data != null) throw new CounterweightException("--collect takes folders, not DATA");
        GridRun.Collected found = GridRun.collect(collect);
        if (found.runs().isEmpty()) {
            throw new CounterweightException("--collect: no grid cell's run folder under " + collect
                    + (found.otherRuns() > 0 ? " (" + found.otherRuns() + " other run folder(s))" : ""));
        }
        PrintWriter err = spec.commandLine().getErr();
        if (found.otherRuns() > 0) err.println("counterweight: note: " + found.otherRuns() + " run folder(s) that are not grid cells left out");
        if (found.setups() > 1) {
            err.println("counterweight: warning: the cells come from " + found.setups() + " different data/recipe set-ups; "
                    + "their means mix them");
        }
        String chosen = name != null ? name : "collected-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = Workspace.resolve(recipe.workspace).ensureWritable().dir().resolve(GridFolder.GRIDS).resolve(chosen);
        GridTable table = GridTable.of(found.runs());
        print(table, dir, GridExport.write(dir, "Grid collected from " + collect.size() + " folder(s)", table), false);
        return 0;
    }

    private void print(GridTable table, Path gridDir, List<Path> outputs, boolean cancelled) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("grid_dir", gridDir.toString());
            m.put("cancelled", cancelled);
            m.put("cells", GridTable.jsonRows(table.cells()));
            m.put("summary", GridTable.jsonRows(table.summary()));
            m.put("class_gains", GridTable.jsonRows(table.gains()));
            m.put("outputs", outputs.stream().map(Path::toString).toList());
            out.println(ConfigJson.write(m));
        } else {
            if (cancelled) out.println("Stopped: the finished cells are kept; run the same command again to run the rest.");
            out.print(table.toText());
            out.println("Mean ± sample standard deviation (n - 1) over the n finished seeds; n = 1 shows the mean only.");
            if (!outputs.isEmpty()) {
                out.println("Written to " + gridDir + ": " + String.join(", ",
                        outputs.stream().map(p -> p.getFileName().toString()).toList()));
            } else {
                out.println("Grid folder: " + gridDir);
            }
        }
        out.flush();
    }

    /** The remedy names for {@code --help}, from the registry. */
    static final class RemedyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return RemedyRegistry.names().iterator();
        }
    }

    /**
     * Swaps the data options' one-ratio {@code --imbalance} for a list (the grid's one change to
     * {@code train}'s options) and lists the remedies below the options in {@code --help}.
     */
    static final class ImbalanceList implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec single = spec.findOption(IMBALANCE);
            if (single != null) spec.remove(single);
            spec.addOption(OptionSpec.builder(IMBALANCE).paramLabel("U").type(List.class).auxiliaryTypes(Double.class)
                    .splitRegex(",").arity("1").initialValue(new ArrayList<Double>())
                    .description("Long-tail ratios u in (0, 1], comma-separated: each is a row of the table (default: the data as loaded).")
                    .build());
            for (String remedyOption : List.of("--sampler", "--rotate", "--affine", "--flip", "--jitter", "--augment")) {
                OptionSpec o = spec.findOption(remedyOption);
                if (o == null) continue;
                spec.remove(o); // set per cell by --remedies; kept (hidden) so a given one gets a clear error
                spec.addOption(o.toBuilder().hidden(true).build());
            }
            spec.usageMessage().footerHeading("%nRemedies (combine with +, e.g. sampler+augment):%n")
                    .footer(RemedyRegistry.describe().split(System.lineSeparator()));
            return spec;
        }
    }
}
