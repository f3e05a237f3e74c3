// One JVM for every jing check the schema tests make (a JVM start costs about a second).
// Reads requests on stdin, one per line: a schema path, then tab-separated instance paths.
// Loads the schema as the jing command does without -i (ID/IDREF checking on) and answers:
//   "schema<TAB>message" per schema error, "file<TAB>message" per instance error, then "END".
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.prop.rng.RngProperty;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

public class JingServer {
    static String current = "";

    public static void main(String[] args) throws Exception {
        ErrorHandler eh = new ErrorHandler() {
            public void warning(SAXParseException e) { }
            public void error(SAXParseException e) { report(e); }
            public void fatalError(SAXParseException e) { report(e); }
        };
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, eh);
        RngProperty.CHECK_ID_IDREF.add(props);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split("\t");
            ValidationDriver driver = new ValidationDriver(props.toPropertyMap());
            current = parts[0];
            try {
                if (driver.loadSchema(ValidationDriver.fileInputSource(parts[0]))) {
                    for (int i = 1; i < parts.length; i++) {
                        current = parts[i];
                        driver.validate(ValidationDriver.fileInputSource(parts[i]));
                    }
                }
            } catch (Throwable t) {  // StackOverflowError and the like: a refused schema
                System.out.println(current + "\t" + t);
            }
            System.out.println("END");
            System.out.flush();
        }
    }

    static void report(SAXParseException e) {
        System.out.println(current + "\t" + e.getLineNumber() + ": " + e.getMessage());
    }
}
