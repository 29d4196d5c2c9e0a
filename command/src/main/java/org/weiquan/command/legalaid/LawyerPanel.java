package org.weiquan.command.legalaid;

import java.util.Optional;

/**
 * The union's lawyer panel (职工律师团) as the command side consults it: the name of an active
 * member, which the assignment records. The application keeps the panel.
 */
public interface LawyerPanel {
    Optional<String> activeLawyerName(String lawyerId);
}
