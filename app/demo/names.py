"""Word lists for the demo firm: Italian and English people, companies, documents."""

FIRST_NAMES_M = ["Mario", "Luca", "Giuseppe", "Marco", "Nicolò", "Niccolò", "Andrea", "Francesco",
                 "Alessandro", "Matteo", "Lorenzo", "Davide", "Stefano", "Paolo", "Giovanni",
                 "Federico", "Riccardo", "Simone", "Tommaso", "Gabriele", "James", "Oliver", "Thomas",
                 "William", "George", "Noè", "Mattia", "Emanuele", "Fabio", "Roberto"]
FIRST_NAMES_F = ["Anna", "Giulia", "Francesca", "Chiara", "Sara", "Martina", "Elena", "Valentina",
                 "Alessia", "Federica", "Silvia", "Laura", "Elisa", "Beatrice", "Ilaria", "Aurora",
                 "Sofia", "Greta", "Emma", "Charlotte", "Amelia", "Olivia", "Zoë", "Irene", "Noemi",
                 "Michela", "Cristina", "Daniela", "Lucia", "Rebecca"]
LAST_NAMES = ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci",
              "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa",
              "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro",
              "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo",
              "Gentile", "Martinelli", "Vitale", "Serra", "Coppola", "De Santis", "D'Angelo",
              "Marchetti", "Parisi", "Villa", "Cantù", "Lucà", "Fabbri", "Pellegrini", "Palumbo",
              "Sanna", "Farina", "Monti", "Cattaneo", "Morelli", "Amato", "Silvestri", "Testa",
              "Benedetti", "Barone", "Guerra", "Palmieri", "Bernardi", "Fiore", "Bellini", "Riva",
              "Donati", "Piras", "Sartori", "Neri", "Orlando", "Smith", "Taylor", "Walker",
              "O'Brien", "Murphy", "Clarke", "Evans", "Wilson", "Müller", "Nuñez"]
PERSONAL_DOMAINS = ["gmail.com", "libero.it", "outlook.com", "yahoo.it", "icloud.com", "tiscali.it",
                    "hotmail.it", "virgilio.it", "fastwebnet.it"]
COMPANY_WORDS = ["Costruzioni", "Trasporti", "Impianti", "Consulting", "Ristorazione",
                 "Arredamenti", "Informatica", "Logistica", "Elettronica", "Edilizia", "Ottica",
                 "Farmacia", "Ceramiche", "Tessile", "Meccanica", "Vini", "Design", "Immobiliare"]
COMPANY_FORMS = ["S.r.l.", "S.p.A.", "S.n.c.", "S.a.s.", "S.r.l.s.", "Ltd"]
SHOP_NAMES = ["Trattoria da {first}", "Panificio {last}", "Ferramenta {last}", "Agriturismo {last}",
              "Caseificio {last}", "Studio Dentistico {last}", "Bar Centrale di {first} {last}",
              "Officina {last} & Figli", "Gelateria {first}", "Libreria {first} {last}"]
OTHER_NAMES = ["Associazione Culturale {word}", "Condominio Via {street}", "Fondazione {last}",
               "ASD Polisportiva {city}", "Parrocchia San {saint}", "Comitato {city} Viva"]
OTHER_WORDS = ["Aurora", "Orizzonti", "Il Ponte", "Arcobaleno", "Nuove Radici", "Fenice"]
SAINTS = ["Michele", "Giorgio", "Lorenzo", "Nicolò", "Francesco", "Antonio"]
CITIES = [("Milano", "MI", "20121"), ("Roma", "RM", "00184"), ("Torino", "TO", "10121"),
          ("Bologna", "BO", "40121"), ("Firenze", "FI", "50122"), ("Napoli", "NA", "80132"),
          ("Verona", "VR", "37121"), ("Bergamo", "BG", "24121"), ("Padova", "PD", "35121"),
          ("Forlì", "FC", "47121"), ("Cantù", "CO", "22063"), ("Genova", "GE", "16121")]
STREETS = ["Via Roma", "Corso Italia", "Via Garibaldi", "Via Mazzini", "Piazza del Duomo",
           "Via Dante", "Viale Europa", "Via Verdi", "Via Cavour", "Via San Nicolò"]
DOCUMENTS = ["Dichiarazione dei redditi {y}.pdf", "Modello 730 {y}.pdf", "Certificazione Unica {y}.pdf",
             "F24 {m}.pdf", "Bilancio {y}.pdf", "Visura camerale.pdf", "Estratto conto {m}.pdf",
             "Contratto di locazione.pdf", "Fatture acquisti {m}.zip", "Ricevute spese mediche.pdf",
             "Libro giornale {y}.xlsx", "Carta d'identità.jpg", "Busta paga {m}.pdf"]
MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
          "settembre", "ottobre", "novembre", "dicembre"]
TASKS = ["Preparare la dichiarazione IVA", "Inviare il modello F24", "Richiedere i documenti mancanti",
         "Chiudere il bilancio", "Controllare il cassetto fiscale", "Call annuale con il cliente",
         "Registrare le fatture del mese", "Calcolare gli acconti", "Rinnovare la firma digitale",
         "Aggiornare l'anagrafica"]
EMAIL_SUBJECTS = ["Documenti per la dichiarazione", "Scadenza F24", "Promemoria pagamento fattura",
                  "Bilancio: bozza da approvare", "Richiesta appuntamento", "Your tax return is ready",
                  "Invoice reminder", "Nuovo documento disponibile", "Organizer {y} da compilare"]
PIPELINES = {
    "Dichiarazioni": ["Raccolta documenti", "In lavorazione", "Revisione", "Inviata"],
    "Contabilità mensile": ["Da iniziare", "Registrazioni", "Liquidazione IVA", "Chiusa"],
    "Bilancio": ["Raccolta dati", "Scritture di assestamento", "Approvazione", "Deposito"],
}
CHAT_SUBJECTS = ["Domanda sulla fattura", "Documenti caricati", "Appuntamento", "Spese detraibili",
                 "Question about my return"]
CHAT_LINES_FIRM = ["Buongiorno, ci servono gli estratti conto di marzo.", "Ricevuto, grazie!",
                   "Le abbiamo caricato la bozza da firmare.", "Could you upload your P60?"]
CHAT_LINES_CLIENT = ["Ecco i documenti richiesti.", "Grazie, ci vediamo giovedì.",
                     "Posso detrarre le spese della palestra?", "Done, uploaded just now."]
ORGANIZERS = ["Questionario 730/{y}", "Organizer redditi {y}", "Checklist apertura partita IVA",
              "Questionario bilancio {y}"]
PROPOSALS = ["Proposta servizi contabili {y}", "Lettera d'incarico {y}", "Engagement letter {y}",
             "Preventivo consulenza paghe"]
NOTES = ["Preferisce essere contattato via email.", "Cliente puntuale nei pagamenti.",
         "Chiedere conferma del nuovo indirizzo.", "Moglie gestisce la contabilità di casa.",
         "Interested in the quarterly plan.", "Ricordare la scadenza del contratto d'affitto."]
TIME_DESCRIPTIONS = ["Registrazione fatture", "Consulenza telefonica", "Preparazione dichiarazione",
                     "Riunione con il cliente", "Revisione bilancio", "Invio telematico"]
